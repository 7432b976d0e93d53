/**
 * The one script every page loads (Base.astro): the small loaders of all the islands, bundled as one file so
 * that a page costs one request for them instead of one per component plus the modules they share. Each
 * loader does nothing on a page without its elements, and imports its island only near the viewport or on
 * first use. Browser only.
 */
import '~/search/loader';
import '~/quiz/client/loader';
import '~/simulator/loader';
import '~/quiz/client/nav';
import '~/diagrams/stepper/client/loader';
import '~/projector/loader';

// The capture page's island (src/capture/page): at the top of its page, so its code loads at once, there only.
if (document.querySelector('capture-replay')) void import('~/capture/page/client');
