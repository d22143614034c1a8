/**
 * The new-request sound: one soft two-note tone from the Web Audio API (no sound file to ship), one
 * oscillator per chime. One context per page, made on first use; a browser that blocks audio until
 * a tap just stays silent.
 */

let context: AudioContext | undefined;

/** Plays the chime; `nth` staggers several requests that arrived in one read, so each is heard. */
export function playChime(nth = 0): void {
  if (typeof AudioContext === 'undefined') return;
  context ??= new AudioContext();
  const ctx = context;
  if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
  const start = ctx.currentTime + 0.05 + nth * 0.8;
  const tone = ctx.createOscillator();
  const gain = ctx.createGain();
  tone.frequency.setValueAtTime(660, start);
  tone.frequency.setValueAtTime(880, start + 0.22);
  gain.gain.setValueAtTime(0.0001, start);
  gain.gain.exponentialRampToValueAtTime(0.25, start + 0.02);
  gain.gain.setValueAtTime(0.25, start + 0.3);
  gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.45);
  tone.connect(gain).connect(ctx.destination);
  tone.start(start);
  tone.stop(start + 0.47);
}
