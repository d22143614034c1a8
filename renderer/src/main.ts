/** Renderer entry: composes the API client, the state and the page. Nothing else. */

import { mount } from 'svelte';
import { api } from './api/api.js';
import App from './App.svelte';
import { AppState } from './state/app-state.svelte.js';
import { Clock } from './state/clock.svelte.js';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

mount(App, { target, props: { app: new AppState(api), clock: new Clock() } });
