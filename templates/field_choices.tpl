{{%AUTOESCAPE context="HTML"}}<div class="field{{#ERROR}} has-error{{/ERROR}}">
  <fieldset{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}>
    <legend>{{LABEL}}{{#OPTIONAL}} <span class="optional">{{TEXT}}</span>{{/OPTIONAL}}</legend>
    {{#HINT}}<p class="hint" id="{{ID}}-hint">{{TEXT}}</p>{{/HINT}}
    {{#ERROR}}<p class="field-error" id="{{ID}}-error">{{MESSAGE}}</p>{{/ERROR}}
    {{#CHOICE}}<div class="choice">
      <input type="{{TYPE}}" id="{{CHOICE_ID}}" name="{{NAME}}" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}{{#INVALID}} aria-invalid="true"{{/INVALID}}>
      <label for="{{CHOICE_ID}}">{{LABEL}}</label>
    </div>{{/CHOICE}}
  </fieldset>
</div>
