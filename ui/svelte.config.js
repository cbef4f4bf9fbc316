import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

export default {
  preprocess: vitePreprocess(),
  compilerOptions: {
    // Styles go to a CSS file, never into <style> tags at run time (the CSP forbids them).
    css: 'external',
  },
};
