// One way to write a byte count everywhere Dockside shows one: binary units, as Docker counts them
// (`--memory 4096M` is 4 GiB; `docker stats` prints MiB). Pure, so the tree, the prune results, the stats
// and the progress notifications all read the same.

const BINARY_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** 1536 → "1.5 KiB", 4294967296 → "4 GiB", 268435456 → "256 MiB": up to three significant digits. */
export function formatBinarySize(bytes: number): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < BINARY_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 ? 0 : value < 10 ? 2 : value < 100 ? 1 : 0;
  // Trailing zeros go: "4 GiB", not "4.00 GiB".
  const text = value.toFixed(digits).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
  return `${text} ${BINARY_UNITS[unit]}`;
}
