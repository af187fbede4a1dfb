/**
 * The 政务工作台 console: `npm run build:admin` writes dist/admin (served by the server at
 * /admin/), `npm run dev:admin` serves it with hot reload and sends /api, /media and /uploads to
 * the API server (`npm run serve -- --demo` or `npm run dev`, port 8080 unless API_PORT says otherwise).
 */
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const api = `http://127.0.0.1:${process.env.API_PORT ?? '8080'}`

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/admin/',
  plugins: [react()],
  resolve: { alias: { '@common': fileURLToPath(new URL('../common', import.meta.url)) } },
  build: {
    outDir: fileURLToPath(new URL('../dist/admin', import.meta.url)),
    emptyOutDir: true,
    // desktop Chromium cores (Chrome/Edge, 360 and QQ browsers)
    target: 'chrome87',
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        manualChunks: (id) => {
          if (/node_modules[\\/](echarts|zrender)[\\/]/.test(id)) return 'echarts'
          if (/node_modules[\\/](antd|@ant-design|rc-[^\\/]+|@rc-component)[\\/]/.test(id)) return 'antd'
          if (/node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler|@remix-run)[\\/]/.test(id)) return 'react'
          return undefined
        },
      },
    },
  },
  server: {
    port: 5174,
    strictPort: false,
    proxy: { '/api': api, '/media': api, '/uploads': api },
  },
})
