import { Component, type ReactNode } from 'react';
import { Button, Result } from 'antd';

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
      return (
        <Result
          status="warning"
          title={`“${this.props.name}”页面出现问题`}
          subTitle={`其他页面仍可使用。错误信息：${this.state.error.message}`}
          extra={
            <Button type="primary" onClick={() => this.setState({ error: null })}>
              重新加载此页面
            </Button>
          }
        />
      );
    }
    return this.props.children;
  }
}
