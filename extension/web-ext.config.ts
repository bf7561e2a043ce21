import { defineWebExtConfig } from 'wxt';

// No display on the build machines: never launch a browser from `wxt extension`.
export default defineWebExtConfig({ disabled: true });
