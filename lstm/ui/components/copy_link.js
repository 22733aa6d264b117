// The share link as a read-only field, selected on focus, and a button that copies it; it lives in the page
// (Streamlit's second kind of component, no iframe). Its words come from Python, already translated, and the
// link is set as the field's value, never as HTML.
export default function ({ data, parentElement }) {
  const field = parentElement.querySelector('input');
  const button = parentElement.querySelector('button');
  const said = parentElement.querySelector('.said');
  field.value = data.link;
  field.setAttribute('aria-label', data.label);
  button.textContent = data.button;
  field.onfocus = () => field.select();
  button.onclick = async () => {
    field.select();
    try {
      await navigator.clipboard.writeText(data.link);
      said.textContent = data.copied;
    } catch {
      // Without a secure origin (plain http on a LAN address) the clipboard API is refused: the
      // selected field lets the visitor copy by hand.
      said.textContent = data.select;
    }
  };
}
