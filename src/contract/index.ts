export * from './entities'
export * from './endpoints'
export * from './rules'
