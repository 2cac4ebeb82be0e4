import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { createAppRouter } from './router'
import { installSpark } from './spark'
import './styles.css'

installSpark()
createApp(App).use(createPinia()).use(createAppRouter()).mount('#app')
