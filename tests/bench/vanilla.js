const model = [];
const list = document.getElementById("list");
for (let i = 0; i < 1000; i++) {
  model.push({ text: `Entry ${i}: the error rate on checkout rose and the on-call engineer looked at the dashboard` });
  const label = document.createElement("label");
  label.textContent = `Entry ${i}`;
  const area = document.createElement("textarea");
  area.id = `entry-${i}`;
  area.value = model[i].text;
  area.addEventListener("input", () => {
    model[i].text = area.value;
    counter.textContent = `${area.value.length} characters`;
  });
  label.append(area);
  list.append(label);
}
const counter = document.createElement("p");
document.body.append(counter);
