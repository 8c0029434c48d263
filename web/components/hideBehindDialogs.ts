/**
 * While a modal dialog is open, hides the rest of the app from assistive technology, as the WAI-ARIA
 * dialog pattern asks. Mantine's Modal traps focus and sets aria-modal, but leaves the page behind it
 * exposed: a screen reader's reading cursor (and axe) still walk the page, whose banner landmark then
 * sits beside the dialog's header. Dialogs render in portals beside the app root, so hiding the root
 * leaves them, and the notifications, exposed.
 *
 * aria-hidden rather than inert: inert would also refuse the focus Mantine hands back to the button that
 * opened the dialog while the dialog is still fading out. Focus arriving in the root means the dialog is
 * closing, so the root is shown again at once. Returns a function that stops watching.
 */
export function hideAppBehindDialogs(root: HTMLElement): () => void {
  const update = () => {
    const dialogOpen = Array.from(document.querySelectorAll('[aria-modal="true"]')).some((d) => !root.contains(d));
    const focusInRoot = root.contains(document.activeElement);
    if (dialogOpen && !focusInRoot) root.setAttribute('aria-hidden', 'true');
    else root.removeAttribute('aria-hidden');
  };
  const observer = new MutationObserver(update);
  observer.observe(document.body, { childList: true, subtree: true });
  document.addEventListener('focusin', update);
  return () => {
    observer.disconnect();
    document.removeEventListener('focusin', update);
    root.removeAttribute('aria-hidden');
  };
}
