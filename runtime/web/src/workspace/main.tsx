import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initialLanguage } from '../ui/index.js';
import { WorkspaceApp } from './app.js';
import '../styles.css';
import './styles.css';

/* The officials' workspace: rendered in the browser only (nothing of it is public). */
document.documentElement.classList.add('js');
const lang = initialLanguage(new URL(window.location.href), document.cookie, navigator.languages);
document.documentElement.lang = lang;
createRoot(document.getElementById('root')!).render(<StrictMode><WorkspaceApp lang={lang} /></StrictMode>);
