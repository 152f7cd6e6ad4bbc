// The template variables every Sightline dashboard shares, and the matchers that use them.
const { queryVariable } = require('../grafana');

const modelVariables = [
  queryVariable('model', 'Model', 'label_values(sightline_model_info, model)'),
  queryVariable('version', 'Version', 'label_values(sightline_model_info{model=~"$model"}, version)'),
];

module.exports = {
  modelVariables,
  M: 'model=~"$model"',
  MV: 'model=~"$model", version=~"$version"',
};
