/** The dashboard's tiles: a figure, its change against the previous period (the sign is written, the colour only repeats it), and the previous figure. */
export type TileProps = { key: string; label: string; value: string; change: string; was: string; tone: "up" | "down" | "flat" };

const TONE = { up: "text-teal-800", down: "text-red-800", flat: "text-stone-600" } as const;

export function Tiles({ tiles, label }: { tiles: TileProps[]; label: string }) {
  return (
    <ul aria-label={label} className="grid grid-cols-2 gap-2 sm:grid-cols-3">
      {tiles.map((tile) => (
        <li key={tile.key} className="card space-y-0.5 p-3" data-tile={tile.key}>
          <p className="text-sm text-stone-600">{tile.label}</p>
          <p className="text-2xl font-semibold tabular-nums">{tile.value}</p>
          <p className="text-sm">
            <span className={`font-medium ${TONE[tile.tone]}`}>{tile.change}</span> <span className="text-stone-600">{tile.was}</span>
          </p>
        </li>
      ))}
    </ul>
  );
}
