import { useEffect, useRef, useState } from 'react';

interface Props extends Omit<React.InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> {
  /** The text the stored value gives. */
  text: string;
  onText(text: string): void;
}

/** An input that keeps what is being typed ("1," in a list) while following outside changes (undo). */
export function DraftInput({ text, onText, ...rest }: Props) {
  const [draft, setDraft] = useState(text);
  const own = useRef(false);
  useEffect(() => {
    if (!own.current) setDraft(text);
    own.current = false;
  }, [text]);
  return (
    <input
      {...rest}
      value={draft}
      onChange={(e) => {
        setDraft(e.target.value);
        own.current = true;
        onText(e.target.value);
      }}
    />
  );
}
