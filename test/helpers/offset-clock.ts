// Real time, movable: the BFF, the console and the browser agree on "now", and a test can still
// jump ahead (an expiry) with advance().
export function offsetClock() {
  let offset = 0;
  const clock = () => new Date(Date.now() + offset);
  clock.set = (at: Date | string) => {
    offset = new Date(at).getTime() - Date.now();
  };
  clock.advance = (ms: number) => {
    offset += ms;
  };
  return clock;
}
