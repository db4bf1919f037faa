// Draws the first twenty retrospectives of the stored index as Retrace's home list does
// (same elements and classes), with no framework, for the cold-start reference.
const index = JSON.parse(localStorage.getItem("retrace:index"));
const summaries = Object.values(index.entries).map((e) => e.summary).sort((a, b) => b.updated_at - a.updated_at);
const element = (tag, className, text) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};
const root = element("div", "retrace");
const main = element("main", "home");
const hero = element("section", "hero");
hero.append(element("h1", "", "Retrace"), element("p", "tagline", "Run a blameless retrospective step by step."));
const list = element("ul", "retro-list");
for (const s of summaries.slice(0, 20)) {
  const card = element("li", "card retro-card");
  const body = element("div", "retro-card-main");
  const heading = element("h3");
  const link = element("a", "", s.title);
  link.href = `#/retro/${s.id}`;
  heading.append(link);
  const meta = element("p", "meta");
  meta.append(element("span", "", s.template), element("span", "", s.incident_date ?? "No incident date"), element("span", "", `Step: ${s.step}`));
  const counts = element("p", "meta");
  counts.append(element("span", "", `${s.timeline} timeline entries · ${s.factors} factors · ${s.actions} actions`), element("span", "", "Edited recently"));
  body.append(heading, meta, counts);
  const actions = element("div", "retro-card-actions");
  for (const label of ["Rename", "Duplicate", "Delete"]) actions.append(element("button", "button quiet small", label));
  card.append(body, actions);
  list.append(card);
}
main.append(hero, list);
root.append(main);
document.body.append(root);
