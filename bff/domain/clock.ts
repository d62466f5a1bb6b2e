/** The one source of "now" in the BFF; tests inject a fixed or movable clock. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** A clock tests can set and advance. */
export function manualClock(start: Date | string): Clock & { set(at: Date | string): void; advance(ms: number): void } {
  let now = new Date(start).getTime();
  const clock = () => new Date(now);
  clock.set = (at: Date | string) => {
    now = new Date(at).getTime();
  };
  clock.advance = (ms: number) => {
    now += ms;
  };
  return clock;
}
