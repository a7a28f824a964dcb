/**
 * Uploads one user may start per minute, counted per server instance in memory (a sliding window of start
 * times). Uploads are the heaviest request a signed-in user can send (disk, a reader, a profile); the limit
 * keeps one account from filling the disk or the CPU in a loop. Over it: 429 with `Retry-After`.
 */
import { ApiError } from '../errors.ts';
import { say } from '../security/say.ts';

const MINUTE = 60_000;

export class UploadRateLimit {
  private readonly starts = new Map<string, number[]>();

  constructor(private readonly perMinute: number) {}

  /** Records an upload start for `userId` at `now`, or throws 429 when the minute's allowance is used. */
  take(userId: string, now: Date): void {
    if (this.perMinute <= 0) return;
    const t = now.getTime();
    const recent = (this.starts.get(userId) ?? []).filter((s) => s > t - MINUTE);
    if (recent.length >= this.perMinute) {
      const retryAfterS = Math.max(1, Math.ceil((recent[0]! + MINUTE - t) / 1000));
      this.starts.set(userId, recent);
      const en = `too many uploads: ${this.perMinute} per minute; try again in ${retryAfterS} s`;
      throw new ApiError(429, 'rate_limited', en, {
        retryAfterS,
        ...say(
          `업로드가 너무 잦습니다: 1분에 ${this.perMinute}개까지 올릴 수 있습니다. ${retryAfterS}초 뒤에 다시 시도하세요`,
          en,
        ),
      });
    }
    recent.push(t);
    this.starts.set(userId, recent);
    if (this.starts.size > 10_000) this.forgetIdle(t);
  }

  private forgetIdle(t: number) {
    for (const [user, times] of this.starts) if ((times.at(-1) ?? 0) <= t - MINUTE) this.starts.delete(user);
  }
}
