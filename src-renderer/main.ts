import { createPinia } from 'pinia'
import { useSettingsStore } from './stores/settings'
import { startTheme } from './theme'
import { createApp } from 'vue'
import App from './App.vue'
import { createAppRouter } from './router'
import { installSpark } from './spark'
import './styles.css'

installSpark()
const pinia = createPinia()
const app = createApp(App).use(pinia)
// Settings first: the theme (from the local copy, before main answers) and the start screen for `/`.
const settings = useSettingsStore(pinia)
startTheme(() => settings.theme)
void settings.load()
app.use(createAppRouter()).mount('#app')
