/** Runs `work` when the browser is next idle (soon, where it cannot tell). */
export const whenIdle = (work: () => void): void => {
  (window.requestIdleCallback ?? ((later: () => void) => setTimeout(later, 200)))(work);
};
