{{%AUTOESCAPE context="HTML"}}<div class="field{{#ERROR}} has-error{{/ERROR}}">
  <label for="{{ID}}">{{LABEL}}{{#OPTIONAL}} <span class="optional">{{TEXT}}</span>{{/OPTIONAL}}</label>
  {{#HINT}}<p class="hint" id="{{ID}}-hint">{{TEXT}}</p>{{/HINT}}
  {{#ERROR}}<p class="field-error" id="{{ID}}-error">{{MESSAGE}}</p>{{/ERROR}}
  <select id="{{ID}}" name="{{NAME}}"{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}{{#ERROR}} aria-invalid="true"{{/ERROR}}{{#REQUIRED}} required{{/REQUIRED}}>
    {{#OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/OPTION}}
  </select>
</div>
