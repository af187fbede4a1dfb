/**
 * Sets an environment variable for the tests of the describe block this is called in (undefined:
 * unset) and puts it back after them: for a switch the server reads at run time, such as
 * PG_SUBMIT_BATCH (read at a store's first submit), whatever the environment the suite runs in.
 */
export function envDuringBlock(name: string, value: string | undefined): void {
  const before = process.env[name]
  const set = (v: string | undefined) => {
    if (v === undefined) delete process.env[name]
    else process.env[name] = v
  }
  beforeAll(() => set(value))
  afterAll(() => set(before))
}
