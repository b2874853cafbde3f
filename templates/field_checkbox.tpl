{{%AUTOESCAPE context="HTML"}}<div class="field{{#ERROR}} has-error{{/ERROR}}">
  {{#ERROR}}<p class="field-error" id="{{ID}}-error">{{MESSAGE}}</p>{{/ERROR}}
  <div class="choice">
    <input type="checkbox" id="{{ID}}" name="{{NAME}}" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}{{#ERROR}} aria-invalid="true"{{/ERROR}}>
    <label for="{{ID}}">{{LABEL}}</label>
  </div>
  {{#HINT}}<p class="hint" id="{{ID}}-hint">{{TEXT}}</p>{{/HINT}}
</div>
