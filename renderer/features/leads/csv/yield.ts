/**
 * A turn of the event loop between slices of work. A MessageChannel task is not clamped to 4 ms
 * like a nested setTimeout, and it queues behind React's own render task (also a message), so a
 * progress bar repaints between slices.
 */
export function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
