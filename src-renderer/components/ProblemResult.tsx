/**
 * antd's Result (its status pictures are large) for the pages only a failure shows: start-up that
 * could not read the data, a screen that broke. Loaded when one is shown, not with the first screen.
 */
import { Result, type ResultProps } from 'antd';

export default function ProblemResult(props: ResultProps) {
  return <Result {...props} />;
}
