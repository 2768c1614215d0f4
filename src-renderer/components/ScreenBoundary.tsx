import { Component, lazy, Suspense, type ReactNode } from 'react';
import { Button, type ResultProps } from 'antd';
import { withLaterStyles } from '../laterStyles';

/** The same words without the picture: when even the Result's code cannot be fetched (the bridge is gone). */
function PlainProblem({ title, subTitle, extra }: ResultProps) {
  return (
    <div role="alert" style={{ padding: 24, textAlign: 'center' }}>
      <h3>{title}</h3>
      <p>{subTitle}</p>
      {extra}
    </div>
  );
}

/** antd's Result for failure pages, fetched only when one is shown (ProblemResult.tsx). */
export const ProblemResult = lazy(() => withLaterStyles(import('./ProblemResult')).catch(() => ({ default: PlainProblem })));

interface Props {
  name: string;
  children: ReactNode;
}
interface State {
  error: Error | null;
}

/** One per screen: a bug in one screen shows a message there while navigation keeps working. */
export class ScreenBoundary extends Component<Props, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  render() {
    if (this.state.error) {
      const title = `“${this.props.name}”页面出现问题`;
      return (
        <Suspense fallback={<p role="alert">{title}</p>}>
          <ProblemResult
            status="warning"
            title={title}
            subTitle={`其他页面仍可使用。错误信息：${this.state.error.message}`}
            extra={
              <Button type="primary" onClick={() => this.setState({ error: null })}>
                重新加载此页面
              </Button>
            }
          />
        </Suspense>
      );
    }
    return this.props.children;
  }
}
