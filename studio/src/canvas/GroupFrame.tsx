import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useServices } from '../app/useServices.ts';
import { useT } from '../i18n/useT.ts';
import { GROUP_COLOURS, groupsOf, type NodeGroup } from '../state/actions/groups.ts';

export type FrameNode = Node<{ group: NodeGroup }, 'frame'>;

/** A group's frame: drag it to move its nodes; its label, colour and "ungroup" sit in its top strip. */
export const GroupFrame = memo(function GroupFrame({ data }: NodeProps<FrameNode>) {
  const { store } = useServices();
  const t = useT();
  const { group } = data;
  const put = (change: Partial<NodeGroup>, squash?: string) => {
    const current = groupsOf(store.getState().doc.ui).find((g) => g.id === group.id) ?? group;
    store.getState().dispatch('edit-groups', { put: [{ ...current, ...change }] }, squash ? { squash } : undefined);
  };
  const nextColour = GROUP_COLOURS[(GROUP_COLOURS.indexOf(group.colour) + 1) % GROUP_COLOURS.length]!;
  return (
    <div className={`group-frame group-${group.colour}`} data-group-id={group.id}>
      <div className="group-head">
        <input
          className="group-label nodrag nokey"
          aria-label={t('canvas.groupLabel')}
          value={group.label}
          onChange={(e) => put({ label: e.target.value }, `typing:group:${group.id}`)}
        />
        <button
          type="button"
          className="group-colour nodrag"
          title={t('canvas.groupColour')}
          aria-label={t('canvas.groupColour')}
          onClick={() => put({ colour: nextColour })}
        />
        <button
          type="button"
          className="group-ungroup nodrag"
          data-testid={`ungroup-${group.id}`}
          onClick={() => store.getState().dispatch('edit-groups', { remove: [group.id] })}
        >
          {t('canvas.ungroup')}
        </button>
      </div>
    </div>
  );
});
