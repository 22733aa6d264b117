// Tells the browser, and so a screen reader, which language the page speaks: Streamlit's page says "en" always,
// and a German page read with an English voice is hard to follow.
export default function ({ data }) {
  if (document.documentElement.lang !== data.lang) document.documentElement.lang = data.lang;
}
