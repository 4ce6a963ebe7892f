// jsdom has no layout engine and so no ResizeObserver, which Svelte's bind:clientWidth uses. Without
// layout there is nothing to observe: this stand-in never reports, and components keep their default width.
if (!('ResizeObserver' in globalThis)) {
  class NoLayoutResizeObserver {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  globalThis.ResizeObserver = NoLayoutResizeObserver as unknown as typeof ResizeObserver
}
