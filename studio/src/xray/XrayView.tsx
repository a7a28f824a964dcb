import { useEffect, useMemo, useState } from 'react';
import { XRAY_CLASS_NAMES } from '../../../nodes/model/xray-detect.ts';
import { fill, formatNumber } from '../i18n/translate.ts';
import { useLang } from '../i18n/useLang.ts';
import { useEngine } from '../inspect/useEngine.ts';
import { L } from './labels.ts';
import './xray.css';

interface Box {
  cls: string;
  label: string;
  score: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

interface Shot {
  image: string;
  width: number;
  height: number;
  thumbnail: string;
  boxes: Box[];
}

const COLOURS: Record<string, string> = {
  knife: '#e11d48',
  gun: '#dc2626',
  drugs: '#9333ea',
  cigarettes: '#ea580c',
  battery: '#0891b2',
};
const colourOf = (cls: string) => COLOURS[cls] ?? '#db2777';

/** The gallery: every image the node read, its boxes drawn over it in SVG, filtered by class and score. */
export default function XrayView(props: { nodeId: string; boxes: string; images: string }) {
  const { nodeId, boxes, images } = props;
  const [lang] = useLang();
  const engine = useEngine();
  const [shots, setShots] = useState<Shot[]>();
  const [error, setError] = useState<string>();
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const [minScore, setMinScore] = useState(0);
  const [alarmOnly, setAlarmOnly] = useState(false);

  useEffect(() => {
    if (!engine) return;
    let live = true;
    setShots(undefined);
    setError(undefined);
    Promise.all([
      engine.query(`SELECT image, thumbnail FROM ${images}`),
      engine.query(
        `SELECT image, class, class_ko, score, x1, y1, x2, y2, image_width, image_height FROM ${boxes} ORDER BY image, score DESC`,
      ),
    ]).then(
      ([imgs, rows]) => {
        if (!live) return;
        const byImage = new Map<string, Shot>();
        for (const r of imgs.rows)
          byImage.set(String(r.image), {
            image: String(r.image),
            width: 0,
            height: 0,
            thumbnail: String(r.thumbnail),
            boxes: [],
          });
        for (const r of rows.rows) {
          const shot = byImage.get(String(r.image));
          if (!shot) continue;
          shot.width = Number(r.image_width);
          shot.height = Number(r.image_height);
          if (r.class === null) continue;
          shot.boxes.push({
            cls: String(r.class),
            label: String(r.class_ko ?? r.class),
            score: Number(r.score),
            x1: Number(r.x1),
            y1: Number(r.y1),
            x2: Number(r.x2),
            y2: Number(r.y2),
          });
        }
        setShots([...byImage.values()]);
      },
      (e: unknown) => live && setError((e as Error).message),
    );
    return () => {
      live = false;
    };
  }, [engine, boxes, images]);

  const classes = useMemo(() => [...new Set((shots ?? []).flatMap((s) => s.boxes.map((b) => b.cls)))], [shots]);
  const visible = useMemo(
    () =>
      (shots ?? [])
        .map((s) => ({ ...s, boxes: s.boxes.filter((b) => b.score >= minScore && !hidden.has(b.cls)) }))
        .filter((s) => !alarmOnly || s.boxes.length > 0),
    [shots, minScore, hidden, alarmOnly],
  );

  if (error) return <p className="error">{fill(L.failed[lang], { message: error })}</p>;
  if (!shots) return <p className="waiting">{L.loading[lang]}</p>;
  const name = (cls: string) => (lang === 'ko' ? XRAY_CLASS_NAMES[cls]?.ko : XRAY_CLASS_NAMES[cls]?.en) ?? cls;
  return (
    <section className="xray" data-node={nodeId} aria-label={L.title[lang]}>
      <div className="xray-bar">
        <span>{L.classes[lang]}:</span>
        {classes.map((cls) => (
          <label key={cls} className="xray-class" style={{ borderColor: colourOf(cls) }}>
            <input
              type="checkbox"
              checked={!hidden.has(cls)}
              onChange={() =>
                setHidden((h) => {
                  const next = new Set(h);
                  if (next.has(cls)) next.delete(cls);
                  else next.add(cls);
                  return next;
                })
              }
            />
            {name(cls)}
          </label>
        ))}
        <label>
          {fill(L.minScore[lang], { score: minScore.toFixed(2) })}{' '}
          <input
            type="range"
            min={0}
            max={1}
            step={0.05}
            value={minScore}
            onChange={(e) => setMinScore(Number(e.target.value))}
          />
        </label>
        <label>
          <input type="checkbox" checked={alarmOnly} onChange={(e) => setAlarmOnly(e.target.checked)} />{' '}
          {L.alarmOnly[lang]}
        </label>
        <span className="xray-summary">
          {fill(L.summary[lang], {
            shown: formatNumber(visible.length, lang),
            images: formatNumber(shots.length, lang),
            boxes: formatNumber(
              visible.reduce((a, s) => a + s.boxes.length, 0),
              lang,
            ),
          })}
        </span>
      </div>
      {visible.length === 0 ? (
        <p className="empty">{L.none[lang]}</p>
      ) : (
        <div className="xray-gallery">
          {visible.map((s) => (
            <figure key={s.image} className={s.boxes.length ? 'xray-shot alarm' : 'xray-shot'}>
              <svg viewBox={`0 0 ${s.width} ${s.height}`} role="img" aria-label={s.image}>
                <image href={s.thumbnail} width={s.width} height={s.height} preserveAspectRatio="none" />
                {s.boxes.map((b) => (
                  <g key={`${b.cls}:${b.x1}:${b.y1}:${b.score}`} stroke={colourOf(b.cls)}>
                    <rect
                      x={b.x1}
                      y={b.y1}
                      width={b.x2 - b.x1}
                      height={b.y2 - b.y1}
                      fill="none"
                      strokeWidth={Math.max(1, s.width / 160)}
                    />
                    <text
                      // labels of boxes on the right half end at the box's right edge, so they stay inside the image
                      x={b.x1 > s.width / 2 ? b.x2 : b.x1}
                      textAnchor={b.x1 > s.width / 2 ? 'end' : 'start'}
                      y={Math.max(s.height / 18, b.y1 - 2)}
                      fill={colourOf(b.cls)}
                      stroke="#fff"
                      strokeWidth={s.width / 400}
                      paintOrder="stroke"
                      fontSize={s.height / 16}
                      fontWeight="bold"
                    >
                      {name(b.cls)} {b.score.toFixed(2)}
                    </text>
                  </g>
                ))}
              </svg>
              <figcaption>
                {s.image} · {s.boxes.length ? `${L.alarm[lang]} ${s.boxes.length}` : L.clear[lang]}
              </figcaption>
            </figure>
          ))}
        </div>
      )}
    </section>
  );
}
