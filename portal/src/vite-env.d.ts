/// <reference types="vite/client" />

declare module "virtual:knowledge-base" {
  const pages: { slug: string; title: string; html: string; text: string }[];
  export default pages;
}
