/** A labelled text input with an optional hint, the one way forms here ask for text. */
export function Field(props: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'email' | 'password';
  autoComplete?: string;
  hint?: string;
  autoFocus?: boolean;
  inputMode?: 'numeric' | 'text' | 'email' | 'url';
}) {
  const attributes = {
    id: props.id,
    autocomplete: props.autoComplete ?? 'off',
    spellcheck: false,
    autoFocus: props.autoFocus,
    'aria-describedby': props.hint === undefined ? undefined : `${props.id}-hint`,
    value: props.value,
    onInput: (e: Event) => props.onInput((e.currentTarget as HTMLInputElement).value),
  };
  // Preact types each input type apart, so the three kinds are spelled out.
  const input =
    props.type === 'password' ? (
      <input type="password" {...attributes} />
    ) : props.type === 'email' ? (
      <input type="email" {...attributes} />
    ) : (
      <input type="text" inputMode={props.inputMode} {...attributes} />
    );
  return (
    <div>
      <label for={props.id}>{props.label}</label>
      {input}
      {props.hint !== undefined && (
        <p id={`${props.id}-hint`} class="muted">
          {props.hint}
        </p>
      )}
    </div>
  );
}
