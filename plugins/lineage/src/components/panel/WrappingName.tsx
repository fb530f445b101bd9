import { Fragment } from 'react';
import { nameBreaks } from '../../lib/nameBreaks';

/**
 * A long name that wraps after its dots, slashes and colons rather than
 * mid-word (`overflow-wrap: anywhere` still breaks a part wider than the
 * panel). `<wbr>` adds no character, so the name copies as it is.
 */
export function WrappingName(props: { name: string }) {
  return (
    <>
      {nameBreaks(props.name).map((part, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </>
  );
}
