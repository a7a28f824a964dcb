import { lazy, Suspense } from 'react';

/** d3-sankey, d3-geo and the atlas load with the first supply-chain result shown, not with the first screen. */
const SupplyChainViews = lazy(() => import('./SupplyChainViews.tsx'));

export const SUPPLY_CHAIN_TYPE = 'model.supply_chain_flows';

/** `model.supply_chain_flows`' flow table drawn as a Sankey and a flow map (origin → departure → Korea). */
export function SupplyChainPanel(props: { nodeId: string; relation: string }) {
  return (
    <Suspense fallback={<p className="waiting">…</p>}>
      <SupplyChainViews {...props} />
    </Suspense>
  );
}
