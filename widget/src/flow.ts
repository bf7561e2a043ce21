// The "after the form" chunk, fetched right after the first render: read-back, sending, outbox
// hand-off, success view, image downscaling.
import { addMessages } from './i18n';
import journeyCss from './journey.css?inline';
import { laterMessages } from './later-messages';
import { addStyles } from './styles';

addMessages(laterMessages);
addStyles(journeyCss);

export { prepareImage } from './images';
export { Journey } from './journey';
