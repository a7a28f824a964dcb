import { useLang } from '../i18n/useLang.ts';
import { type Frequency, type Timing, toCron } from './schedule-cron.ts';
import { useRunsT } from './useRunsT.ts';

const ZONES = ['Asia/Seoul', 'UTC', 'Asia/Tokyo', 'Asia/Shanghai', 'Europe/London', 'America/New_York'];
const FREQUENCIES: Frequency[] = ['daily', 'weekdays', 'weekly', 'monthly', 'raw'];

/** The schedule editor's timing: every day / weekday / week / month at a time, or raw cron; the zone. */
export function TimingFields(props: {
  timing: Timing;
  onChange: (t: Timing) => void;
  timeZone: string;
  onZone: (zone: string) => void;
}) {
  const { timing, timeZone, onZone } = props;
  const t = useRunsT();
  const [lang] = useLang();
  const cron = toCron(timing);
  const set = (patch: Partial<Timing>) => props.onChange({ ...timing, ...patch });
  return (
    <div className="lib-row lib-wrap">
      <label className="lib-field">
        {t('sched.frequency')}
        <select
          name="frequency"
          value={timing.frequency}
          onChange={(e) => set({ frequency: e.target.value as Frequency, cron })}
        >
          {FREQUENCIES.map((f) => (
            <option key={f} value={f}>
              {t(`sched.${f}`)}
            </option>
          ))}
        </select>
      </label>
      {timing.frequency === 'weekly' && (
        <label className="lib-field">
          {t('sched.weekday')}
          <select name="weekday" value={timing.weekday} onChange={(e) => set({ weekday: Number(e.target.value) })}>
            {[1, 2, 3, 4, 5, 6, 0].map((d) => (
              <option key={d} value={d}>
                {new Intl.DateTimeFormat(lang === 'ko' ? 'ko-KR' : 'en-GB', {
                  weekday: 'long',
                  timeZone: 'UTC',
                }).format(
                  new Date(Date.UTC(2026, 10, 29 + d)), // 2026-11-29 is a Sunday
                )}
              </option>
            ))}
          </select>
        </label>
      )}
      {timing.frequency === 'monthly' && (
        <label className="lib-field">
          {t('sched.day')}
          <input
            type="number"
            name="day"
            min={1}
            max={28}
            value={timing.day}
            onChange={(e) => set({ day: Number(e.target.value) })}
          />
        </label>
      )}
      {timing.frequency === 'raw' ? (
        <label className="lib-field">
          {t('sched.cron')}
          <input name="cron" value={timing.cron} onChange={(e) => set({ cron: e.target.value })} />
        </label>
      ) : (
        <label className="lib-field">
          {t('sched.time')}
          <input type="time" name="time" value={timing.time} onChange={(e) => set({ time: e.target.value })} />
        </label>
      )}
      <label className="lib-field">
        {t('sched.timeZone')}
        <select name="timeZone" value={timeZone} onChange={(e) => onZone(e.target.value)}>
          {[...new Set([timeZone, ...ZONES])].map((z) => (
            <option key={z}>{z}</option>
          ))}
        </select>
      </label>
    </div>
  );
}
