/** the roles' names, said once for the app and the server's first screen of 我的 */
export { roleLabel } from '@common/labels/roles'
