/**
 * The analysis-request (분석의뢰) workflow as data: which step may follow which, and whose step it is.
 *
 *   신청 ─approve→ 검토/승인 ─cooperate→ 업무국 협조 ─assign→ 분석 진행 ─complete→ 분석완료
 *                            └──────────assign──────────┘
 *   reject (reviewer): from 신청, 검토/승인, 업무국 협조 → 반려
 *   cancel (requester): any open step → 취소
 *
 * `decide` refuses a move with the catalogue's words: 409 for a step that cannot follow the current one,
 * 403 for the wrong person. The caller has already checked that the actor may see the request.
 */

import { msg } from '../../runtime/messages/render.ts';
import {
  REQUEST_ACTION_LABELS,
  REQUEST_STATE_LABELS,
  type RequestAction,
} from '../../runtime/messages/request-labels.ts';
import type { Label } from '../../runtime/nodes/param-meta.ts';
import type { SessionUser } from '../context.ts';
import type { AnalysisRequestRow, RequestState } from '../db/schema.ts';
import { ApiError } from '../errors.ts';

/** Who owns a step: reviewers (of the request's department), the requester, or the assigned analyst. */
type Owner = 'reviewer' | 'requester' | 'analyst' | 'anyone';

export type MoveAction = Exclude<RequestAction, 'submit' | 'comment'>;

interface Step {
  from: readonly RequestState[];
  to: RequestState;
  owner: Owner;
}

const OPEN: readonly RequestState[] = ['submitted', 'approved', 'cooperation', 'in_analysis'];

export const STEPS: Record<MoveAction, Step> = {
  approve: { from: ['submitted'], to: 'approved', owner: 'reviewer' },
  cooperate: { from: ['approved'], to: 'cooperation', owner: 'reviewer' },
  assign: { from: ['approved', 'cooperation'], to: 'in_analysis', owner: 'reviewer' },
  complete: { from: ['in_analysis'], to: 'completed', owner: 'analyst' },
  reject: { from: ['submitted', 'approved', 'cooperation'], to: 'rejected', owner: 'reviewer' },
  cancel: { from: OPEN, to: 'cancelled', owner: 'requester' },
};

const OWNER_NAMES: Record<Owner, Label> = {
  reviewer: { ko: '검토자나 관리자', en: 'reviewers and admins' },
  requester: { ko: '의뢰한 사람이나 관리자', en: 'the requester and admins' },
  analyst: { ko: '지정된 분석 담당자나 관리자', en: 'the assigned analyst and admins' },
  anyone: { ko: '의뢰를 볼 수 있는 사람', en: 'anyone who sees the request' },
};

type RequestAccess = Pick<AnalysisRequestRow, 'requesterId' | 'analystId' | 'department' | 'state'>;

/** Reviewers review their own department's requests (a request without a department is any reviewer's). */
export function reviewsFor(user: SessionUser, r: Pick<AnalysisRequestRow, 'department'>): boolean {
  if (user.role === 'admin') return true;
  if (user.role !== 'reviewer') return false;
  return r.department === null || r.department === user.department;
}

/** Seeing a request: its requester, its analyst, its department's reviewers, admins. */
export function canViewRequest(user: SessionUser, r: RequestAccess): boolean {
  return user.id === r.requesterId || user.id === r.analystId || reviewsFor(user, r);
}

/** The state after `action`, or an `ApiError` saying in Korean why not. */
export function decide(action: MoveAction, user: SessionUser, r: RequestAccess): RequestState {
  const step = STEPS[action];
  const actionLabel = REQUEST_ACTION_LABELS[action];
  if (!step.from.includes(r.state)) {
    const from = step.from.map((s) => REQUEST_STATE_LABELS[s]);
    const list = { ko: from.map((l) => `‹${l.ko}›`).join('·'), en: from.map((l) => `"${l.en}"`).join(' or ') };
    throw new ApiError(
      409,
      'request_bad_state',
      `cannot ${action} a request in state ${r.state}`,
      { state: r.state, action },
      msg('api.request_bad_state', { state: REQUEST_STATE_LABELS[r.state], action: actionLabel, from: list }),
    );
  }
  const wrongRole = () =>
    new ApiError(
      403,
      'forbidden',
      `${action} is for ${OWNER_NAMES[step.owner].en}`,
      { action },
      msg('api.request_wrong_role', { action: actionLabel, who: OWNER_NAMES[step.owner] }),
    );
  if (user.role === 'admin') return step.to;
  if (step.owner === 'requester' && user.id !== r.requesterId) throw wrongRole();
  if (step.owner === 'analyst' && user.id !== r.analystId) throw wrongRole();
  if (step.owner === 'reviewer') {
    if (user.role !== 'reviewer') throw wrongRole();
    if (!reviewsFor(user, r)) {
      throw new ApiError(
        403,
        'forbidden',
        `the request belongs to ${r.department}`,
        { action },
        msg('api.request_other_department', { department: r.department ?? '' }),
      );
    }
  }
  return step.to;
}

/** The moves this user could make now (the studio shows only these buttons). */
export function allowedActions(user: SessionUser, r: RequestAccess): MoveAction[] {
  return (Object.keys(STEPS) as MoveAction[]).filter((a) => {
    try {
      decide(a, user, r);
      return true;
    } catch {
      return false;
    }
  });
}
