import type { RouteObject } from 'react-router-dom'

/** the content pages (政策文件, 政策解读, 简明问答, 首页公益广告, 审核队列): their feature fills this in */
export const editorialRoutes: RouteObject[] = []
