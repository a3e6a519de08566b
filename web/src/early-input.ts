/**
 * The first step is in index.html before the JavaScript (prerendered at build time,
 * scripts/prerender.ts), so a visitor on a slow link can answer it before React takes the page over.
 * Nothing of that must be lost:
 *
 * - EARLY_SCRIPT, inlined in the page's head (its hash is in the CSP, server/src/plugins/helmet.ts),
 *   runs before the page is drawn. A returning visitor (an address with answers in its fragment, or
 *   answers saved in this browser) gets `data-resume` on <html>, which hides the prerendered first step
 *   (a step of someone who is elsewhere, and whose input would be lost): React renders where they left
 *   off instead. And a Next pressed before the JavaScript is held (not sent as a GET of the page) and
 *   remembered.
 * - captureEarlyInput() reads, just before hydration, what the visitor chose or typed in the
 *   prerendered form; replayEarlyInput() gives it to the hydrated form the way a person would (the
 *   form library hears a change), then presses the held Next.
 */

/** The key persistence.ts saves the answers under (kept in step by persistence.test.ts). */
const STORAGE_KEY = 'carto-proxy-wizard';

interface EarlyState {
  /** A Next pressed before hydration. */
  submitted: boolean;
  /** Set once React owns the page: from then on submits are React's. */
  done: boolean;
}

declare global {
  interface Window {
    __wizardEarly?: EarlyState;
  }
}

/**
 * The inline script (plain ES5, it runs before anything else; keep it tiny: it is in every page load).
 * Its submit listener is on window, bubbling, so it runs after React's: a submit React handled is
 * already `defaultPrevented` (react-hook-form's handleSubmit) and is left alone; one nobody handled
 * (before hydration) is held and remembered, never sent as a GET of the page.
 */
export const EARLY_SCRIPT = `(function(){var w=window,d=document,e=w.__wizardEarly={submitted:false,done:false};try{if(location.hash.length>1||localStorage.getItem(${JSON.stringify(STORAGE_KEY)}))d.documentElement.setAttribute("data-resume","")}catch(x){}w.addEventListener("submit",function(v){if(!v.defaultPrevented){v.preventDefault();if(!e.done)e.submitted=true}})})()`;

export { STORAGE_KEY as EARLY_STORAGE_KEY };

export interface EarlyInput {
  name: string;
  /** The radio's or text field's value. */
  value: string;
  checked: boolean;
  type: string;
}

type Field = HTMLInputElement | HTMLTextAreaElement;

/** Every field of the prerendered step form the visitor changed (what differs from the page as sent). */
export function captureEarlyInput(root: ParentNode): EarlyInput[] {
  const fields = [...root.querySelectorAll<Field>('form input[name], form textarea[name]')];
  return fields
    .filter((field) =>
      field instanceof HTMLInputElement && (field.type === 'radio' || field.type === 'checkbox')
        ? field.checked !== field.defaultChecked
        : field.value !== field.defaultValue,
    )
    .map((field) => ({
      name: field.name,
      value: field.value,
      checked: field instanceof HTMLInputElement && field.checked,
      type: field.type,
    }));
}

/** The field's own `value`/`checked` setter, beneath the one React installs to track changes. */
function setNative(field: Field, property: 'value' | 'checked', value: string | boolean): void {
  const prototype = Object.getPrototypeOf(field) as object;
  Object.getOwnPropertyDescriptor(prototype, property)?.set?.call(field, value);
}

/**
 * Replays the early input on the hydrated form: for each field, the state before the visitor's
 * change is set through React's tracker, then the visitor's change is made again as an event React
 * listens to (a click on a radio or checkbox, an input event on a text field), so onChange runs and
 * react-hook-form, the store, the URL and the saved draft all get it. Then a held Next is pressed.
 */
export function replayEarlyInput(root: ParentNode, before: readonly EarlyInput[]): void {
  // What the form shows now wins over what it showed before hydration: a click while React was
  // hydrating changed the field without React hearing it. What was chosen before hydration stays
  // when the form library reset the field to its default while registering it.
  const key = (input: EarlyInput) =>
    input.type === 'checkbox' ? `${input.name}=${input.value}` : input.name;
  const merged = new Map<string, EarlyInput>();
  for (const input of [...before, ...captureEarlyInput(root)]) {
    if (input.type === 'radio' && !input.checked) continue;
    merged.set(key(input), input);
  }
  for (const input of merged.values()) {
    const selector = `form [name="${CSS.escape(input.name)}"]`;
    const fields = [...root.querySelectorAll<Field>(selector)];
    if (input.type === 'radio' || input.type === 'checkbox') {
      const field = fields.find((f) => f.value === input.value);
      if (!(field instanceof HTMLInputElement)) continue;
      field.checked = !input.checked;
      field.click();
    } else {
      const field = fields[0];
      if (!field) continue;
      field.value = field.defaultValue;
      setNative(field, 'value', input.value);
      field.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }
  const state = window.__wizardEarly;
  if (!state) return;
  state.done = true;
  if (state.submitted) {
    state.submitted = false;
    root.querySelector<HTMLFormElement>('form#step-form')?.requestSubmit();
  }
}

/** The page is React's without a replay (a returning visitor's client render): submits are React's. */
export function releaseEarlySubmit(): void {
  if (window.__wizardEarly) window.__wizardEarly.done = true;
}
