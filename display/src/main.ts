// Entry of the display app: Vue with Pinia and vue-i18n, mounted on #app.
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { i18n } from './i18n/index.js';
import '@selfserve/ui/base.css';
import './styles.css';

createApp(App).use(createPinia()).use(i18n).mount('#app');
