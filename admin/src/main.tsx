import { createRoot } from 'react-dom/client'
import { App } from './app/app'
import './app/app.css'

createRoot(document.getElementById('root')!).render(<App />)
