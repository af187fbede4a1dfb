import { createRoot } from 'react-dom/client'
import { createBrowserRouter } from 'react-router-dom'
import { App } from './app/app'
import { appRoutes } from './app/routes'
import './app/app.css'

const router = createBrowserRouter(appRoutes, { basename: '/admin' })

createRoot(document.getElementById('root')!).render(<App router={router} />)
