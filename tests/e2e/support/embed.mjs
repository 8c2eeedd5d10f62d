// What an embed.html page shows, for the tests that open it alone and in frames.

/** What the frame shows: state of the app, visible sections, charts with data. */
export const shown = (page) =>
  page.evaluate(() => ({
    app: document.documentElement.dataset.app,
    sections: [...document.querySelectorAll('section.section')]
      .filter((s) => !s.hidden)
      .map((s) => s.id),
    charts: Object.values(window.activaciones?.charts ?? {}).filter((c) =>
      c.data.datasets.some((d) => d.data.length > 0),
    ).length,
    status: document.getElementById('app-status').hidden
      ? ''
      : document.getElementById('app-status').textContent,
  }));
