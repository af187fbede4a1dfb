/**
 * Linking a lecturer account to its lecturer of the menu: by an admin when creating the account
 * (the admin's organisation must cover the lecturer's), or by dev login for the demo names.
 */
import type { FastifyInstance } from 'fastify'
import { badRequest, conflict, forbidden } from '../../errors'
import { type Lecturer, lecturerDirectory } from '../lectures/lecturers'
import { orgCovers } from '../auth/org-scope'
import { StaffScopeRepository } from './repository'

/** dev login only: a lecturer account named like a lecturer of the menu speaks for it, unless another account already does */
export async function linkDemoLecturer(app: FastifyInstance, userId: string, name: string): Promise<void> {
  for (const l of (await menuLecturers(app)).values()) {
    if (l.name === name) {
      await new StaffScopeRepository(app.store.database).linkLecturer(userId, l.id)
      return
    }
  }
}

/** the lecturers of the menu by id (read before a write that checks a link) */
export async function menuLecturers(app: FastifyInstance): Promise<ReadonlyMap<string, Lecturer>> {
  return lecturerDirectory(await app.store.lectures.listTopics())
}

/** 400 unless `lecturerId` is a lecturer of the menu and the new account is a lecturer's (before the write) */
export async function checkLecturerOfMenu(app: FastifyInstance, role: string, lecturerId: string): Promise<void> {
  if (role !== 'lecturer') throw badRequest('只有宣讲员账号可以绑定宣讲员名录')
  if (!(await menuLecturers(app)).has(lecturerId)) throw badRequest('请从宣讲员名录中选择')
}

/**
 * Checks that an admin of `adminOrg` may link a new account to `lecturerId` (403 a lecturer of
 * another organisation, 409 one that already has an account). Call inside the write, with its
 * transaction's repository.
 */
export async function checkLecturerLink(scope: StaffScopeRepository, adminOrg: string, lecturerId: string): Promise<void> {
  if (await scope.accountOfLecturer(lecturerId)) throw conflict('该宣讲员已绑定其他账号')
  if (!orgCovers(adminOrg, await scope.lecturerOrg(lecturerId))) throw forbidden('只能绑定本单位及下级单位的宣讲员')
}
