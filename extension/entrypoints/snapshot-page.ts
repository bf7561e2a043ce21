import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { snapshotPage } from '../capture/snapshot';

// "This capture is wrong": injected on demand into the clipped tab; its result is the cleaned page.
export default defineUnlistedScript(() => snapshotPage(window));
