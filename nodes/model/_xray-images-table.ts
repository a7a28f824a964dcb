/**
 * `model.xray_detect` keeps a thumbnail of every image it read in a table beside its result, so the result
 * view can draw the boxes over the images. Both sides derive the name here.
 */
export const imagesTableOf = (tableName: string) => `${tableName}_images`;

/** The images table beside a quoted result relation (`"src_…"` → `"src_…_images"`). */
export function imagesRelationOf(relation: string): string {
  const bare =
    relation.startsWith('"') && relation.endsWith('"') ? relation.slice(1, -1).replaceAll('""', '"') : relation;
  return `"${imagesTableOf(bare).replaceAll('"', '""')}"`;
}
