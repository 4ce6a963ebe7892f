// The slides of presentation mode and how the keyboard steps through them: pure, so tests need no DOM.
import type { ViewId } from '../../lib/views'

export interface Slide {
  /** The view the slide shows. */
  view: ViewId
  /** The slide's heading, large, above the view. */
  title: string
  /** The tab the slide opens its view on (views that keep a tab in a store). */
  tab?: string
}

/** One view per slide, in the order a workshop tells the story. */
export const slides: readonly Slide[] = [
  { view: 'map', title: 'Journey map' },
  { view: 'flow', title: 'Flow — process map', tab: 'map' },
  { view: 'personas', title: 'Personas' },
  { view: 'friction', title: 'Friction heatmap', tab: 'heatmap' },
  { view: 'workshop', title: 'Workshop comparison', tab: 'compare' },
]

export type SlideStep = { kind: 'go'; index: number } | { kind: 'exit' } | null

/**
 * What a key does on slide index of count: →, PageDown, space and Enter go on; ←, PageUp and
 * Shift+space go back; Home and End jump; Esc leaves. Other keys do nothing (null). The ends do not
 * wrap, so a presenter who presses once too often stays on the last slide.
 */
export function stepFor(key: string, shift: boolean, index: number, count: number): SlideStep {
  const clamp = (i: number) => ({ kind: 'go' as const, index: Math.max(0, Math.min(count - 1, i)) })
  switch (key) {
    case 'ArrowRight':
    case 'PageDown':
    case 'Enter':
      return clamp(index + 1)
    case ' ':
    case 'Spacebar':
      return clamp(shift ? index - 1 : index + 1)
    case 'ArrowLeft':
    case 'PageUp':
    case 'Backspace':
      return clamp(index - 1)
    case 'Home':
      return clamp(0)
    case 'End':
      return clamp(count - 1)
    case 'Escape':
    case 'Esc':
      return { kind: 'exit' }
    default:
      return null
  }
}

/** The slide to start on: the one showing the current view, else the first. */
export function startSlide(view: ViewId): number {
  const i = slides.findIndex((s) => s.view === view)
  return i < 0 ? 0 : i
}

/** "2 / 5". */
export const counterText = (index: number, count: number) => `${index + 1} / ${count}`

/** The root font size in presentation mode: large type for a projector, everything in rem follows. */
export const presentationFontPx = 22
