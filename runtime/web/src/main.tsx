import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App, type PageData } from './app.js';
import { initialLanguage, isLang } from './ui/index.js';
import './styles.css';

/*
 * A page the server rendered (the catalogue, a service's card) says so with its data: the app
 * takes over its markup (hydrates) in the language the server chose. Any other page starts here.
 */
document.documentElement.classList.add('js');
const root = document.getElementById('root')!;
const rendered = document.getElementById('page-data');
const url = new URL(window.location.href);
if (rendered) {
  const lang = isLang(document.documentElement.lang) ? document.documentElement.lang : initialLanguage(url, document.cookie, navigator.languages);
  hydrateRoot(root, <StrictMode><App lang={lang} data={JSON.parse(rendered.textContent ?? '{}') as PageData} /></StrictMode>);
} else {
  const lang = initialLanguage(url, document.cookie, navigator.languages);
  document.documentElement.lang = lang;
  createRoot(root).render(<StrictMode><App lang={lang} /></StrictMode>);
}
