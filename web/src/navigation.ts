/** Lets views move to another deep link without importing the router (set once by main.ts). */
let impl: (href: string) => void = (href) => location.assign(href);

export function setNavigator(fn: (href: string) => void): void {
  impl = fn;
}

export function navigate(href: string): void {
  impl(href);
}
