import { lazy, Suspense } from 'react';
import { imagesRelationOf } from '../../../nodes/model/_xray-images-table.ts';

const XrayView = lazy(() => import('./XrayView.tsx'));

export const XRAY_TYPE = 'model.xray_detect';

/** An X-ray detection result drawn as a gallery: each image with its boxes, filtered by class and score. */
export function XrayPanel(props: { nodeId: string; relation: string }) {
  return (
    <Suspense fallback={<p className="waiting">…</p>}>
      <XrayView nodeId={props.nodeId} boxes={props.relation} images={imagesRelationOf(props.relation)} />
    </Suspense>
  );
}
